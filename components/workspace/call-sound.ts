/**
 * A soft two-note tone for the call timer's signals, made with WebAudio (no sound file, no request). The
 * context is created on the user's click that turned the timer on, so browsers allow it to play later.
 */
let context: AudioContext | null = null;

/** Call from a click handler (a user gesture) so a later tone is allowed to play. */
export function unlockSound(): void {
  try {
    context ??= new AudioContext();
    if (context.state === 'suspended') void context.resume();
  } catch {
    context = null; // No audio here: the visual signal remains.
  }
}

/** Two gentle notes for "two minutes left", three lower ones for "time is up". */
export function playSignal(kind: 'warning' | 'over'): void {
  try {
    context ??= new AudioContext();
    const notes = kind === 'warning' ? [660, 880] : [523, 440, 349];
    const start = context.currentTime + 0.05;
    notes.forEach((frequency, i) => {
      const osc = context!.createOscillator();
      const gain = context!.createGain();
      osc.type = 'sine';
      osc.frequency.value = frequency;
      const t0 = start + i * 0.28;
      gain.gain.setValueAtTime(0, t0);
      gain.gain.linearRampToValueAtTime(0.18, t0 + 0.03);
      gain.gain.exponentialRampToValueAtTime(0.001, t0 + 0.25);
      osc.connect(gain).connect(context!.destination);
      osc.start(t0);
      osc.stop(t0 + 0.27);
    });
  } catch {
    // Audio refused or unavailable: the visual signal is still shown.
  }
}
