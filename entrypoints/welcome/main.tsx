import { mountPage } from '@/components/mount';
import { WelcomePage } from '@/components/welcome/WelcomePage';

mountPage(<WelcomePage />);
