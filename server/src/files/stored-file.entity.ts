import { Column, Entity, ForeignKey, Index } from 'typeorm';
import type { FileMime } from '../../../shared/schemas/files';
import { CreatedColumn, IdColumn, RefColumn } from '../database/columns';
import { EnterpriseEntity } from '../org/enterprise.entity';
import { UserEntity } from '../users/user.entity';
import { WorkshopEntity } from '../workshops/workshop.entity';

/** An uploaded file's metadata; the bytes live in the FileStore under random keys. */
@Entity('files')
@Index('ix_files_uploader', ['uploadedById', 'createdAt'])
export class StoredFileEntity {
  @IdColumn() id!: string;

  /** Random key in the FileStore (never the uploaded name). */
  @Index('uq_files_storage_key', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  storageKey!: string;

  /** The thumbnail's key, for photos. */
  @Column({ type: 'varchar', length: 64, nullable: true }) thumbKey!: string | null;

  @Column({ type: 'varchar', length: 32 }) mime!: FileMime;
  @Column({ type: 'int' }) size!: number;
  @Column({ type: 'int', nullable: true }) width!: number | null;
  @Column({ type: 'int', nullable: true }) height!: number | null;

  @ForeignKey(() => UserEntity, { name: 'fk_files_uploaded_by' })
  @RefColumn()
  uploadedById!: string;

  /** What the photo was taken at (from the upload's workshopId / inspectionId), for the stamp. */
  @ForeignKey(() => EnterpriseEntity, { name: 'fk_files_enterprise' })
  @RefColumn(true)
  enterpriseId!: string | null;

  @ForeignKey(() => WorkshopEntity, { name: 'fk_files_workshop' })
  @RefColumn(true)
  workshopId!: string | null;

  /** Plain id (the inspections table belongs to another module; no key to keep the modules apart). */
  @Column({ type: 'varchar', length: 36, nullable: true }) inspectionId!: string | null;

  @CreatedColumn() createdAt!: Date;
}
