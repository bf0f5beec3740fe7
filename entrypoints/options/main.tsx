import { mountPage } from '@/components/mount';
import { OptionsPage } from '@/components/options/OptionsPage';

mountPage(<OptionsPage />);
