import type { Plugin } from 'vite';

export declare const EAGER_COMPILE_HINT: string;
export declare function eagerCompile(fileNames: readonly string[]): Plugin;
