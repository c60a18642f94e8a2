/** analysis.*: a week's findings from the mirror, offline. */
import type { OpsApi } from '../../../shared/contract';
import type { analysisMethods } from '../../../shared/contract/analysis';
import type { AnalysisService } from './analysis-service';

export function analysisHandlers(analysis: AnalysisService) {
  return {
    'analysis.get': async ({ businessUnitId, week }) => analysis.latest(businessUnitId, week),
    'analysis.rerun': async ({ businessUnitId, week }) => analysis.run(businessUnitId, week),
  } satisfies Pick<OpsApi, keyof typeof analysisMethods>;
}
