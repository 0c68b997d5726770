import { CooperativeEntity } from '../org/cooperative.entity';
import { EnterpriseEntity } from '../org/enterprise.entity';
import { InvitationEntity } from '../org/invitation.entity';
import { MembershipEntity } from '../org/membership.entity';
import { RegionEntity } from '../org/region.entity';
import { RoleGrantEntity } from '../users/role-grant.entity';
import { UserEntity } from '../users/user.entity';
import { WechatTokenEntity } from '../wechat/wechat-token.entity';
import { StoredFileEntity } from '../files/stored-file.entity';
import { WorkshopRetiredCodeEntity } from '../workshops/retired-code.entity';
import { WorkshopEntity } from '../workshops/workshop.entity';
import { ChecklistEntity, ChecklistItemEntity } from '../checklists/checklist.entity';
import {
  InspectionCarriedEntity,
  InspectionEntity,
  InspectionFindingEntity,
  InspectionInspectorEntity,
  InspectionResultEntity,
} from '../inspections/inspection.entity';
import { DeadlineRulesEntity, HazardEntity, HazardEventEntity } from '../hazards/hazard.entity';
import { NotificationEntity } from '../notifications/notification.entity';
import { NoticeAckEntity, NoticeEntity, NoticeRecipientEntity } from '../notices/notice.entity';
import { ActivityCheckinEntity, ActivityEntity, ActivityInviteeEntity } from '../activities/activity.entity';
import { ExpertProfileEntity, ExpertVisitEntity } from '../experts/expert.entity';
import { PushSubscriptionEntity } from '../push/push-subscription.entity';

/** Every table, in one list so the app, migrations and the CLI data source agree. */
export const ENTITIES = [
  UserEntity,
  RoleGrantEntity,
  RegionEntity,
  CooperativeEntity,
  EnterpriseEntity,
  MembershipEntity,
  InvitationEntity,
  WechatTokenEntity,
  WorkshopEntity,
  WorkshopRetiredCodeEntity,
  StoredFileEntity,
  ChecklistEntity,
  ChecklistItemEntity,
  InspectionEntity,
  InspectionInspectorEntity,
  InspectionResultEntity,
  InspectionFindingEntity,
  InspectionCarriedEntity,
  HazardEntity,
  HazardEventEntity,
  DeadlineRulesEntity,
  NotificationEntity,
  NoticeEntity,
  NoticeRecipientEntity,
  NoticeAckEntity,
  ActivityEntity,
  ActivityInviteeEntity,
  ActivityCheckinEntity,
  ExpertProfileEntity,
  ExpertVisitEntity,
  PushSubscriptionEntity,
];
