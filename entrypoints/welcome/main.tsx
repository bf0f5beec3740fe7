import { render } from 'preact';
import '@/assets/ui.css';
import { WelcomePage } from '@/components/welcome/WelcomePage';

render(<WelcomePage />, document.getElementById('app')!);
