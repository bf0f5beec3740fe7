import type { Rollup } from 'vite';
import { describe, expect, it } from 'vitest';
import { EAGER_COMPILE_HINT, eagerCompile } from '../../scripts/eager-compile.mjs';

type OutputAsset = Rollup.OutputAsset;
type OutputBundle = Rollup.OutputBundle;
type OutputChunk = Rollup.OutputChunk;

const chunk = (fileName: string, code: string) => ({ type: 'chunk', fileName, code }) as OutputChunk;
const asset = (fileName: string) => ({ type: 'asset', fileName, source: 'x' }) as OutputAsset;

function generate(fileNames: readonly string[], bundle: OutputBundle): void {
  const hook = eagerCompile(fileNames).generateBundle;
  if (typeof hook !== 'function') throw new Error('generateBundle is not a function');
  (hook as (options: unknown, bundle: OutputBundle) => void).call({}, {}, bundle);
}

describe('eagerCompile', () => {
  it('puts V8’s whole-file hint on the first line of the named scripts only', () => {
    const bundle: OutputBundle = {
      'capture.js': chunk('capture.js', 'var capture=1;'),
      'overlay.js': chunk('overlay.js', 'var overlay=1;'),
      'icon.png': asset('icon.png'),
    };
    generate(['capture.js'], bundle);
    expect((bundle['capture.js'] as OutputChunk).code).toBe('//# allFunctionsCalledOnLoad\nvar capture=1;');
    expect((bundle['overlay.js'] as OutputChunk).code).toBe('var overlay=1;');
    expect((bundle['icon.png'] as OutputAsset).source).toBe('x');
    expect(EAGER_COMPILE_HINT).toBe('//# allFunctionsCalledOnLoad');
  });
});
