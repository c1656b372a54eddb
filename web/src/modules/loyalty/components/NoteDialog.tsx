import { Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoyaltyActionError } from './LoyaltyActionError';

interface NoteDialogProps {
  title: string;
  description: string;
  noteLabel: string;
  okText: string;
  /** Runs the change with the (optional) note; a rejection keeps the dialog open and shows why. */
  onConfirm: (note: string) => Promise<unknown>;
  onClose: () => void;
}

/** A step with an optional note for the company, e.g. the delivery reference of a fulfilled reward. */
export function NoteDialog({ title, description, noteLabel, okText, onConfirm, onClose }: NoteDialogProps) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const confirm = async () => {
    setSending(true);
    setError(null);
    try {
      await onConfirm(note.trim());
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
      okText={okText}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: sending }}
      onOk={() => void confirm()}
      onCancel={sending ? undefined : onClose}
      maskClosable={false}
      destroyOnHidden
    >
      <p>{description}</p>
      <Form layout="vertical" name="noteDialog">
        <Form.Item label={noteLabel} htmlFor="note-dialog-note">
          <Input.TextArea
            id="note-dialog-note"
            rows={3}
            maxLength={1000}
            showCount
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
        </Form.Item>
      </Form>
      {error !== null && <LoyaltyActionError error={error} />}
    </Modal>
  );
}
