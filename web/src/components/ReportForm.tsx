import { useState } from 'react';
import { App, Button, DatePicker, Form, Input, InputNumber, Space, Upload, type UploadFile } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { ApiError } from '../api/client.ts';
import { api } from '../api/endpoints.ts';
import type { Id } from '../api/types.ts';
import { useI18n } from '../i18n/index.tsx';

interface Values {
  period: Dayjs;
  value?: number;
  percent?: number;
  narrative?: string;
}

/** Submits one progress report: period, value, percentage, narrative and evidence files, as multipart. */
export function ReportForm({ taskId, onDone }: { taskId: Id; onDone: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [busy, setBusy] = useState(false);

  async function submit(values: Values) {
    const body = new FormData();
    body.set('period', values.period.format('YYYY-MM'));
    if (values.value != null) body.set('value', String(values.value));
    if (values.percent != null) body.set('percent', String(values.percent));
    body.set('narrative', values.narrative ?? '');
    for (const f of files) if (f.originFileObj) body.append('evidence', f.originFileObj, f.name);
    setBusy(true);
    try {
      await api.submitReport(taskId, body);
      message.success(t('已报送'));
      form.resetFields();
      setFiles([]);
      onDone();
    } catch (err) {
      message.error(err instanceof ApiError ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Form form={form} layout="vertical" onFinish={submit} initialValues={{ period: dayjs() }} data-testid="report-form">
      <Form.Item name="period" label={t('报送期间')} rules={[{ required: true }]} style={{ marginBottom: 8 }}>
        <DatePicker picker="month" allowClear={false} />
      </Form.Item>
      <Form.Item label={t('完成值 / 完成比例')} style={{ marginBottom: 8 }}>
        <Space.Compact>
          <Form.Item name="value" noStyle><InputNumber placeholder={t('完成值')} style={{ width: 140 }} id="report-value" /></Form.Item>
          <Form.Item name="percent" noStyle><InputNumber min={0} max={100} placeholder={t('完成比例')} suffix="%" style={{ width: 120 }} id="report-percent" /></Form.Item>
        </Space.Compact>
      </Form.Item>
      <Form.Item name="narrative" label={t('形象进度')} style={{ marginBottom: 8 }}>
        <Input.TextArea rows={3} id="report-narrative" />
      </Form.Item>
      <Form.Item label={t('佐证材料')} style={{ marginBottom: 8 }}>
        <Upload multiple fileList={files} beforeUpload={() => false} onChange={({ fileList }) => setFiles(fileList)}>
          <Button>{t('选择文件')}</Button>
        </Upload>
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={busy} data-testid="report-submit">{t('提交报送')}</Button>
    </Form>
  );
}
