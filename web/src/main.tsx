// The entry is only the first screen's requests (boot.ts): they leave as soon as this small
// chunk runs, while the app's chunks — preloaded from index.html — are still arriving and compiling.
import './api/boot.ts';
import 'antd/dist/antd.css';
import './styles.css';

void import('./root.tsx');
