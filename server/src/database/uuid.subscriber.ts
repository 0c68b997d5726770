import { randomUUID } from 'node:crypto';
import { type EntitySubscriberInterface, EventSubscriber, type InsertEvent } from 'typeorm';

/**
 * Gives every new row a UUID id in code. Ids are plain varchar(36) columns so that one set of
 * migrations fits MySQL 8 and MariaDB (whose native uuid type TypeORM would otherwise pick).
 */
@EventSubscriber()
export class UuidSubscriber implements EntitySubscriberInterface {
  beforeInsert(event: InsertEvent<{ id?: string }>): void {
    const idColumn = event.metadata.primaryColumns.find((c) => c.propertyName === 'id');
    if (idColumn && event.entity && !event.entity.id && idColumn.type === 'varchar') {
      event.entity.id = randomUUID();
    }
  }
}
