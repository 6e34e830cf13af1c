/** Defaults for the plausibility rules. Both thresholds are our judgement [D], not law; deployments tune them. */
import type { CheckConfig } from './finding.js';

export const DEFAULT_CHECK_CONFIG: CheckConfig = {
  // 立法法 (2023) Art. 91–93: State Council departments, provincial governments, and governments of 设区的市
  // and 自治州 make 规章.
  ruleMakingLevels: ['state-council-department', 'provincial-government', 'prefectural-government'],
  feeAmountSuspectWan: {
    default: 5000,
    township: 500,
    'county-department': 5000,
    'county-government': 5000,
    'prefectural-department': 50000,
    'prefectural-government': 50000,
    'provincial-department': 500000,
    'provincial-government': 500000,
    'state-council-department': 1000000,
  },
};
