// Where the files that ship beside the code live, whether we run from src/ (tsx, jest) or dist/src/ (node).
import { existsSync } from 'node:fs';
import path from 'node:path';

function findPackageRoot(from: string): string {
  let dir = from;
  while (!existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${from}`);
    dir = parent;
  }
  return dir;
}

export const packageRoot = findPackageRoot(__dirname);
export const migrationsDir = path.join(packageRoot, 'migrations');
export const templatesDir = path.join(packageRoot, 'templates');
