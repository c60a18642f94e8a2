/** A rail destination whose feature has not shipped yet: says so plainly. */
export function PendingScreen({ title, purpose }: { title: string; purpose: string }) {
  return (
    <section className="screen" aria-labelledby="pending-title">
      <h1 id="pending-title">{title}</h1>
      <p className="lede">{purpose}</p>
      <p className="muted">Not available in this version yet.</p>
    </section>
  );
}
