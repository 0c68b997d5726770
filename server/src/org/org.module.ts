import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { UsersModule } from '../users/users.module';
import { CooperativeEntity } from './cooperative.entity';
import { CooperativesController } from './cooperatives.controller';
import { CooperativesService } from './cooperatives.service';
import { EnterpriseEntity } from './enterprise.entity';
import { EnterprisesController, MyEnterprisesController } from './enterprises.controller';
import { EnterprisesService } from './enterprises.service';
import { InvitationEntity } from './invitation.entity';
import { InvitationsController } from './invitations.controller';
import { InvitationsService } from './invitations.service';
import { MembershipEntity } from './membership.entity';
import { MembershipsService } from './memberships.service';
import { RegionEntity } from './region.entity';
import { ScopeService } from './scope.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([RegionEntity, CooperativeEntity, EnterpriseEntity, MembershipEntity, InvitationEntity]),
    UsersModule,
  ],
  controllers: [CooperativesController, EnterprisesController, MyEnterprisesController, InvitationsController],
  providers: [ScopeService, CooperativesService, EnterprisesService, InvitationsService, MembershipsService],
  exports: [MembershipsService],
})
export class OrgModule {}
