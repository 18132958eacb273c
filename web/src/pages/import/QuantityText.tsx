import { useMemo, useState } from 'react';
import { Form, Input, InputNumber, Modal, Select, Space, Switch, Tag, Typography } from 'antd';
import type { Quantity } from '../../api/types.ts';
import { useI18n } from '../../i18n/index.tsx';
import { highlightPieces } from '../../lib/highlight.ts';

const CMP_LABEL: Record<Quantity['cmp'], string> = {
  eq: '等于', approx: '左右', ge: '以上/不低于', gt: '超过', le: '以内/不高于', lt: '低于', range: '区间',
};
const MEASURE_LABEL: Record<Quantity['measure'], string> = { growth: '增长', level: '水平', delta: '增减' };

/** The document text with every extracted quantity marked in place; a click on a mark opens its record. */
export function QuantityText({ text, quantities, onCorrect }: { text: string; quantities: Quantity[]; onCorrect: (index: number, patch: Partial<Quantity>) => void }) {
  const { t } = useI18n();
  const [editing, setEditing] = useState<number | null>(null);
  const [form] = Form.useForm<Quantity>();
  const pieces = useMemo(() => highlightPieces(text, quantities), [text, quantities]);
  const targets = quantities.filter((q) => q.kind === 'target' && !q.rejected).length;
  const actuals = quantities.filter((q) => q.kind === 'actual' && !q.rejected).length;

  function open(index: number) {
    form.setFieldsValue(quantities[index]);
    setEditing(index);
  }

  return (
    <>
      <Space style={{ marginBottom: 8 }}>
        <Tag color="red">{t('目标')} {targets}</Tag>
        <Tag color="blue">{t('实绩')} {actuals}</Tag>
        <Typography.Text type="secondary">{t('点击高亮的数字可以更正')}</Typography.Text>
      </Space>
      <div className="source-text" data-testid="quantity-text">
        {pieces.map((piece, i) => {
          if (piece.index === undefined) return <span key={i}>{piece.text}</span>;
          const q = quantities[piece.index];
          return (
            <mark
              key={i}
              className={`q q-${q.kind}${q.corrected ? ' q-corrected' : ''}${q.rejected ? ' q-rejected' : ''}`}
              title={`${q.indicator} · ${t(CMP_LABEL[q.cmp] ?? q.cmp)} ${q.value}${q.unit}`}
              onClick={() => open(piece.index!)}
              data-testid="quantity-mark"
            >
              {piece.text}
            </mark>
          );
        })}
      </div>
      <Modal
        open={editing !== null}
        title={t('更正数量')}
        onCancel={() => setEditing(null)}
        onOk={() => form.validateFields().then((v) => { onCorrect(editing!, v); setEditing(null); })}
        destroyOnHidden
      >
        {editing !== null && <Typography.Paragraph type="secondary">“{quantities[editing].quote}”</Typography.Paragraph>}
        <Form form={form} layout="horizontal" labelCol={{ span: 6 }} size="small">
          <Form.Item name="indicator" label={t('指标')} rules={[{ required: true }]}><Input /></Form.Item>
          <Form.Item name="kind" label={t('类别')}>
            <Select options={[{ value: 'target', label: t('目标') }, { value: 'actual', label: t('实绩') }]} />
          </Form.Item>
          <Form.Item name="measure" label={t('度量')}>
            <Select options={Object.entries(MEASURE_LABEL).map(([value, label]) => ({ value, label: t(label) }))} />
          </Form.Item>
          <Form.Item name="cmp" label={t('比较')}>
            <Select options={Object.entries(CMP_LABEL).map(([value, label]) => ({ value, label: t(label) }))} />
          </Form.Item>
          <Form.Item name="value" label={t('数值')} rules={[{ required: true }]}><InputNumber style={{ width: '100%' }} /></Form.Item>
          <Form.Item name="value_hi" label={t('上限')}><InputNumber style={{ width: '100%' }} /></Form.Item>
          <Form.Item name="unit" label={t('单位')}><Input /></Form.Item>
          <Form.Item name="period" label={t('期间')}><Input /></Form.Item>
          <Form.Item name="stretch" label={t('力争')} valuePropName="checked"><Switch /></Form.Item>
          <Form.Item name="rejected" label={t('不是数量')} valuePropName="checked"><Switch /></Form.Item>
        </Form>
      </Modal>
    </>
  );
}
