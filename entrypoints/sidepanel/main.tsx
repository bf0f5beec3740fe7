import { render } from 'preact';
import '@/assets/ui.css';
import { SidePanel } from '@/components/SidePanel';

render(<SidePanel />, document.getElementById('app')!);
