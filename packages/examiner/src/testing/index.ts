// @hannun/examiner/testing: Hannun's own providers as the examiner's targets (tests and the CLI's tests).
export {
  EXAMINER_CLIENT,
  EXAMINER_OPERATOR,
  type HannunProviders,
  type HannunProvidersOptions,
  startHannunProviders,
} from './hannun-providers.ts';
