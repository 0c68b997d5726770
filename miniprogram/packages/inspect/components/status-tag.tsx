import { INSPECTION_STATUS_LABELS, type InspectionStatus } from '../../../../shared/schemas/inspections';
import { Tag } from './nut';

const TYPES: Record<InspectionStatus, 'warning' | 'primary' | 'success'> = { planned: 'warning', in_progress: 'primary', submitted: 'success' };

export function StatusTag({ status }: { status: InspectionStatus }) {
  return <Tag type={TYPES[status]}>{INSPECTION_STATUS_LABELS[status]}</Tag>;
}
