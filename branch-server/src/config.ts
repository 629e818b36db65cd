// The branch server's one configuration: schema, env overrides, loading (see config/).
export { type BranchConfig, type BranchConfigInput } from './config/schema';
export {
  ConfigError,
  defaultConfigFile,
  loadConfig,
  type LoadConfigOptions,
  type LoadedConfig,
} from './config/load';
