import { render, type VNode } from 'preact';
import '@/assets/ui.css';

/** Every extension page starts the same way: the shared stylesheet, then its component in #app. */
export function mountPage(page: VNode): void {
  render(page, document.getElementById('app')!);
}
