import { render } from 'preact';
import '@/assets/ui.css';
import { prefetchFirstPage } from '@/components/workspace/data';
import { SidePanel } from '@/components/SidePanel';

// The first rows are read before anything renders (fast first paint with 10,000 people saved).
prefetchFirstPage();
render(<SidePanel />, document.getElementById('app')!);
