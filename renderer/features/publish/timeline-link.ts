import { useConsole } from '../../store/context';

/**
 * Opens the Timeline on the publish's week and schedule with "what agents see now" and "changed only"
 * on (optionally "only agents with findings"): the same view the supervisor confirms from.
 */
export function useOpenOnTimeline() {
  const setTimeline = useConsole((s) => s.setTimeline);
  const goTo = useConsole((s) => s.goTo);
  return (week: string, scheduleId: string, onlyFindings = false) => {
    setTimeline({ week, scheduleId, ghostPublished: true, changedOnly: true, onlyFindings, drawerAgentId: null });
    goTo('timeline');
  };
}
