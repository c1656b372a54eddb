import { Form, Input, Modal, Radio } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ComplianceActionError } from './ComplianceActionError';

export const NOTE_MIN = 3;
export const NOTE_MAX = 2000;

export interface NoteDialogProps {
  /** The action, also the confirm button's label. */
  title: string;
  description?: ReactNode;
  noteLabel: string;
  /** A yes/no question asked beside the note (e.g. "Upheld?"); its answer is passed to `onConfirm`. */
  choice?: { label: string; yes: string; no: string; initial?: boolean };
  danger?: boolean;
  onConfirm: (note: string, choice: boolean) => Promise<unknown>;
  onClose: () => void;
}

interface Values {
  note: string;
  choice?: boolean;
}

/** One complaint or violation step with its note: the API refuses notes under 3 or over 2,000 characters. */
export function NoteDialog({ title, description, noteLabel, choice, danger, onConfirm, onClose }: NoteDialogProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const submit = async (values: Values) => {
    setSending(true);
    setError(null);
    try {
      await onConfirm(values.note.trim(), values.choice ?? false);
      onClose();
    } catch (e) {
      setError(e);
    } finally {
      setSending(false);
    }
  };
  return (
    <Modal
      open
      title={title}
      okText={title}
      okButtonProps={{ danger, loading: sending }}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={sending ? undefined : onClose}
      destroyOnHidden
      maskClosable={false}
    >
      {description && <div className="reason-dialog__description">{description}</div>}
      <Form<Values>
        form={form}
        name="complianceNote"
        layout="vertical"
        requiredMark
        initialValues={{ choice: choice?.initial }}
        onFinish={(values) => void submit(values)}
      >
        {choice && (
          <Form.Item
            label={choice.label}
            name="choice"
            rules={[{ required: true, message: t('compliance.choiceRequired') }]}
          >
            <Radio.Group
              options={[
                { value: true, label: choice.yes },
                { value: false, label: choice.no },
              ]}
            />
          </Form.Item>
        )}
        <Form.Item
          label={noteLabel}
          name="note"
          rules={[
            { required: true, whitespace: true, message: t('compliance.noteRequired') },
            { min: NOTE_MIN, message: t('compliance.noteTooShort', { min: NOTE_MIN }) },
            { max: NOTE_MAX, message: t('compliance.noteTooLong', { max: NOTE_MAX }) },
          ]}
        >
          <Input.TextArea rows={4} maxLength={NOTE_MAX} showCount autoFocus />
        </Form.Item>
      </Form>
      {error !== null && <ComplianceActionError error={error} />}
    </Modal>
  );
}
