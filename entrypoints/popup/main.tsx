import { render } from 'preact';
import '@/assets/ui.css';
import { prefetchFirstPage } from '@/components/workspace/data';
import { Popup } from '@/components/Popup';

// The first rows are read before anything renders (fast first paint with 10,000 people saved).
prefetchFirstPage();
render(<Popup />, document.getElementById('app')!);
