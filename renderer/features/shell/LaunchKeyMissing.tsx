/** Shown instead of the console when a browser-mode page was opened without its launch link. */
export function LaunchKeyMissing() {
  return (
    <main className="launch-missing" role="alert">
      <h1>This window is not connected to Publish Desk</h1>
      <p>
        Open the console with the link printed by <code className="mono">npm start</code>. The link carries a key that
        is new at every launch, so no other program or web page can drive the console.
      </p>
      <p className="muted">
        If Publish Desk was restarted, its old links stop working: use the newest link it printed.
      </p>
    </main>
  );
}
