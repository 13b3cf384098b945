import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { STACK_DIR } from './constants.js';
import type { StackPaths } from './types/stack.js';

/** True when `dir` holds the root package.json of the hashbridge workspace. */
const isWorkspaceRoot = (dir: string): boolean => {
  const manifest = join(dir, 'package.json');
  if (!existsSync(manifest)) return false;
  const { workspaces } = JSON.parse(readFileSync(manifest, 'utf8')) as { workspaces?: unknown };
  return Array.isArray(workspaces);
};

/** Walks up from `start` to the workspace root, so the CLI works from any folder of the repository. */
const findRootDir = (start: string = process.cwd()): string => {
  let dir = resolve(start);
  for (;;) {
    if (isWorkspaceRoot(dir)) return dir;
    const parent = dirname(dir);
    if (parent === dir) return resolve(start);
    dir = parent;
  }
};

/**
 * The stack's file locations: `.stack/` below `rootDir` unless HASHBRIDGE_STACK_DIR names another
 * folder (to run a second stack beside the first); the jar cache honours XDG_CACHE_HOME.
 */
const stackPaths = (rootDir: string = findRootDir()): StackPaths => {
  const stackDir = process.env.HASHBRIDGE_STACK_DIR ?? join(rootDir, STACK_DIR);
  const cacheHome = process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache');
  return {
    rootDir,
    stackDir,
    logsDir: join(stackDir, 'logs'),
    stateFile: join(stackDir, 'state.json'),
    envFile: join(stackDir, 'env'),
    cacheDir: process.env.HASHBRIDGE_CACHE_DIR ?? join(cacheHome, 'hashbridge'),
  };
};

export { findRootDir, stackPaths };
