import { INSPECTION_STATUS_LABELS, type InspectionStatus } from '../../../../shared/schemas/inspections';
import { Tag } from './nut';

const TYPES: Record<InspectionStatus, 'default' | 'primary' | 'success'> = { planned: 'default', in_progress: 'primary', submitted: 'success' };

export function StatusTag({ status }: { status: InspectionStatus }) {
  return <Tag type={TYPES[status]}>{INSPECTION_STATUS_LABELS[status]}</Tag>;
}
