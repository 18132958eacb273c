import { Select } from 'antd';
import type { Id, Plan } from '../api/types.ts';
import { useI18n } from '../i18n/index.tsx';

export function PlanPicker({ plans, value, onChange }: { plans: Plan[]; value?: Id; onChange: (id: Id) => void }) {
  const { t } = useI18n();
  return (
    <Select size="small" style={{ minWidth: 220 }} value={value} onChange={onChange} data-testid="plan-picker"
      options={plans.map((p) => ({ value: p.id, label: `${p.title}${p.status === 'published' ? '' : ` (${t('未发布')})`}` }))} />
  );
}
