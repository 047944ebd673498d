import { defineConfig, mergeConfig } from 'vitest/config';
import base from '../../vitest.base.js';

// These tests start real stores and Node processes that load the whole stack: on a loaded
// two-core machine one can take well over the base 30 s.
export default mergeConfig(base, defineConfig({ test: { testTimeout: 120_000 } }));
