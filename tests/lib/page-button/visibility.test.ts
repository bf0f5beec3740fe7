import { describe, expect, it } from 'vitest';
import { elementStyleProblem, filterOpacity, isTranslation, MIN_OPACITY } from '@/lib/page-button/visibility';

const plain = {
  display: 'block',
  visibility: 'visible',
  opacity: '1',
  filter: 'none',
  clipPath: 'none',
  transform: 'none',
  contentVisibility: 'visible',
  maskImage: 'none',
  zoom: '1',
};

describe('is a control plainly visible?', () => {
  it.each([
    ['plain', {}, 1, null],
    ['opacity .001 (decoy attack)', { opacity: '0.001' }, 1, 'opacity'],
    ['two ancestors at .8 each (.64 < .7)', { opacity: '0.8' }, 0.8, 'opacity'],
    ['opacity .75 alone', { opacity: '0.75' }, 1, null],
    ['visibility hidden', { visibility: 'hidden' }, 1, 'visibility'],
    ['display none', { display: 'none' }, 1, 'display'],
    ['filter opacity(0)', { filter: 'opacity(0)' }, 1, 'opacity'],
    ['filter blur(8px)', { filter: 'blur(8px)' }, 1, 'opacity'],
    ['filter grayscale(1) (readable)', { filter: 'grayscale(1)' }, 1, null],
    ['clip-path', { clipPath: 'inset(50%)' }, 1, 'clip-path'],
    ['mask', { maskImage: 'linear-gradient(transparent, transparent)' }, 1, 'mask'],
    ['scaled down', { transform: 'matrix(0.01, 0, 0, 0.01, 0, 0)' }, 1, 'transform'],
    ['moved only', { transform: 'matrix(1, 0, 0, 1, 30, -4)' }, 1, null],
    ['3D', { transform: 'matrix3d(1,0,0,0,0,1,0,0,0,0,1,0,0,0,0,1)' }, 1, 'transform'],
    ['zoom .1', { zoom: '0.1' }, 1, 'zoom'],
    ['content-visibility hidden', { contentVisibility: 'hidden' }, 1, 'content-visibility'],
  ])('%s', (_name, style, opacitySoFar, problem) => {
    expect(elementStyleProblem({ ...plain, ...style }, opacitySoFar).problem).toBe(problem);
  });

  it.each([
    ['none', 1],
    ['opacity(50%)', 0.5],
    ['brightness(0)', 0],
    ['contrast(0.1)', 0],
    ['invert(0.5)', 0],
    ['invert(1) hue-rotate(180deg)', 1], // a dark-mode filter: readable
    ['url(#hide)', 0],
    ['drop-shadow(0 0 2px red) opacity(0.9)', 0.9],
  ])('filter %s keeps %s of the opacity', (filter, factor) => {
    expect(filterOpacity(filter)).toBeCloseTo(factor);
  });

  it('uses the 0.7 threshold of keepassxc-browser', () => {
    expect(MIN_OPACITY).toBe(0.7);
    expect(isTranslation('none')).toBe(true);
    expect(isTranslation('matrix(-1, 0, 0, 1, 0, 0)')).toBe(false); // mirrored
  });
});
