import type { Messages } from '@/lib/i18n/dictionary';
import type { DemoId } from '@/lib/demos/registry';
import type { TfRuntime } from './tf-runtime';

export interface DemoProps {
  id: DemoId;
  lang: string;
  runtime: TfRuntime;
  messages: Messages;
}
