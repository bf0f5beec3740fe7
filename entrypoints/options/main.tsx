import { render } from 'preact';
import '@/assets/ui.css';
import { OptionsPage } from '@/components/options/OptionsPage';

render(<OptionsPage />, document.getElementById('app')!);
