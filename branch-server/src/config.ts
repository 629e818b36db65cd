// The branch server's one configuration: schema, env overrides, loading (see config/).
export {
  ANNOUNCER_ENGINES,
  BranchConfigSchema,
  type BranchConfig,
  type BranchConfigInput,
} from './config/schema';
export { ENV_FIELDS, applyEnv } from './config/env';
export {
  ConfigError,
  DEFAULT_CONFIG_FILE,
  defaultConfigFile,
  loadConfig,
  type LoadConfigOptions,
  type LoadedConfig,
} from './config/load';
