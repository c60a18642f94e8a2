/**
 * Which agents carry the planted problems. Chosen by the seed, one problem
 * per agent, before the weeks are built; when a small BU has no agent of the
 * needed pattern, one is converted, so every plant always lands.
 */
import type { Rng } from '../random';
import { dayPattern, overnightPattern, type AgentPlan } from './agents';

export interface PlantRoles {
  shiftOverlap: AgentPlan[];
  timeOffOverlap: AgentPlan[];
  activityOverlap: AgentPlan[];
  naiveUtcShift: AgentPlan[];
  dstShift: AgentPlan[];
}

type RoleSpec = { role: keyof PlantRoles; count: number; buZoneOnly: boolean; kind: 'day' | 'overnight' };

const specs: RoleSpec[] = [
  { role: 'shiftOverlap', count: 3, buZoneOnly: false, kind: 'day' },
  { role: 'timeOffOverlap', count: 2, buZoneOnly: false, kind: 'day' },
  { role: 'activityOverlap', count: 1, buZoneOnly: false, kind: 'day' },
  // A naive timestamp is off by the BU offset only where the MU keeps BU time.
  { role: 'naiveUtcShift', count: 2, buZoneOnly: true, kind: 'day' },
  { role: 'dstShift', count: 1, buZoneOnly: true, kind: 'overnight' },
];

export function shuffled<T>(items: readonly T[], rng: Rng): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

export function choosePlantRoles(agents: AgentPlan[], buZone: string, withDst: boolean, rng: Rng): PlantRoles {
  const order = shuffled(agents, rng);
  const used = new Set<AgentPlan>();
  const roles: PlantRoles = {
    shiftOverlap: [],
    timeOffOverlap: [],
    activityOverlap: [],
    naiveUtcShift: [],
    dstShift: [],
  };
  for (const spec of specs) {
    if (spec.role === 'dstShift' && !withDst) continue;
    for (let n = 0; n < spec.count; n++) {
      const zoneOk = (a: AgentPlan) => !spec.buZoneOnly || a.unit.timeZone === buZone;
      let agent = order.find((a) => !used.has(a) && zoneOk(a) && a.pattern.kind === spec.kind);
      if (!agent) {
        agent = order.find((a) => !used.has(a) && zoneOk(a));
        if (!agent) throw new Error(`too few agents to plant ${spec.role}`);
        const convert = agent.rng.fork('converted');
        agent.pattern = spec.kind === 'overnight' ? overnightPattern(convert) : dayPattern(convert);
      }
      used.add(agent);
      roles[spec.role].push(agent);
    }
  }
  return roles;
}
