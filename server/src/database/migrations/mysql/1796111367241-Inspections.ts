import { MigrationInterface, QueryRunner } from "typeorm";

export class Inspections1796111367241 implements MigrationInterface {
    name = 'Inspections1796111367241'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE \`checklists\` (
                \`id\` varchar(36) NOT NULL,
                \`familyId\` varchar(36) NOT NULL,
                \`version\` int NOT NULL,
                \`latest\` tinyint NOT NULL DEFAULT 1,
                \`name\` varchar(60) NOT NULL,
                \`industry\` varchar(40) NOT NULL DEFAULT '',
                \`cooperativeId\` varchar(36) NULL,
                \`copiedFromId\` varchar(36) NULL,
                \`seedHash\` varchar(64) NULL,
                \`createdById\` varchar(36) NULL,
                \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
                INDEX \`ix_checklists_coop\` (\`cooperativeId\`, \`latest\`),
                UNIQUE INDEX \`uq_checklists_family_version\` (\`familyId\`, \`version\`),
                PRIMARY KEY (\`id\`)
            ) ENGINE = InnoDB
        `);
        await queryRunner.query(`
            CREATE TABLE \`checklist_items\` (
                \`id\` varchar(36) NOT NULL,
                \`checklistId\` varchar(36) NOT NULL,
                \`code\` varchar(40) NOT NULL,
                \`sort\` int NOT NULL,
                \`section\` varchar(40) NOT NULL,
                \`category\` varchar(24) NOT NULL,
                \`text\` varchar(300) NOT NULL,
                \`answerType\` varchar(12) NOT NULL,
                \`unit\` varchar(16) NULL,
                \`photoRequiredOnFail\` tinyint NOT NULL DEFAULT 0,
                \`weight\` int NOT NULL DEFAULT '1',
                \`legalBasis\` varchar(200) NULL,
                UNIQUE INDEX \`uq_checklist_items_code\` (\`checklistId\`, \`code\`),
                PRIMARY KEY (\`id\`)
            ) ENGINE = InnoDB
        `);
        await queryRunner.query(`
            CREATE TABLE \`inspections\` (
                \`id\` varchar(36) NOT NULL,
                \`type\` varchar(12) NOT NULL,
                \`status\` varchar(12) NOT NULL,
                \`cooperativeId\` varchar(36) NULL,
                \`hostEnterpriseId\` varchar(36) NOT NULL,
                \`workshopId\` varchar(36) NULL,
                \`checklistId\` varchar(36) NOT NULL,
                \`scheduledOn\` date NOT NULL,
                \`createdById\` varchar(36) NOT NULL,
                \`previousInspectionId\` varchar(36) NULL,
                \`startedAt\` datetime(6) NULL,
                \`submittedAt\` datetime(6) NULL,
                \`submittedById\` varchar(36) NULL,
                \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
                \`updatedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),
                INDEX \`ix_inspections_coop\` (\`cooperativeId\`, \`scheduledOn\`),
                INDEX \`ix_inspections_host\` (\`hostEnterpriseId\`, \`createdAt\`),
                PRIMARY KEY (\`id\`)
            ) ENGINE = InnoDB
        `);
        await queryRunner.query(`
            CREATE TABLE \`inspection_inspectors\` (
                \`id\` varchar(36) NOT NULL,
                \`inspectionId\` varchar(36) NOT NULL,
                \`userId\` varchar(36) NOT NULL,
                \`enterpriseId\` varchar(36) NULL,
                \`role\` varchar(8) NOT NULL,
                INDEX \`ix_inspection_inspectors_user\` (\`userId\`),
                UNIQUE INDEX \`uq_inspection_inspectors\` (\`inspectionId\`, \`userId\`),
                PRIMARY KEY (\`id\`)
            ) ENGINE = InnoDB
        `);
        await queryRunner.query(`
            CREATE TABLE \`inspection_results\` (
                \`id\` varchar(36) NOT NULL,
                \`inspectionId\` varchar(36) NOT NULL,
                \`itemId\` varchar(36) NOT NULL,
                \`workshopKey\` varchar(36) NOT NULL DEFAULT '',
                \`clientId\` varchar(36) NOT NULL,
                \`answer\` varchar(4) NULL,
                \`number\` double NULL,
                \`text\` varchar(500) NULL,
                \`note\` varchar(500) NULL,
                \`photoIds\` text NOT NULL,
                \`recordedById\` varchar(36) NOT NULL,
                \`updatedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),
                UNIQUE INDEX \`uq_inspection_results_item\` (\`inspectionId\`, \`itemId\`, \`workshopKey\`),
                PRIMARY KEY (\`id\`)
            ) ENGINE = InnoDB
        `);
        await queryRunner.query(`
            CREATE TABLE \`inspection_findings\` (
                \`id\` varchar(36) NOT NULL,
                \`inspectionId\` varchar(36) NOT NULL,
                \`clientId\` varchar(36) NOT NULL,
                \`kind\` varchar(16) NOT NULL,
                \`itemId\` varchar(36) NULL,
                \`workshopId\` varchar(36) NULL,
                \`description\` varchar(1000) NOT NULL,
                \`category\` varchar(24) NULL,
                \`level\` varchar(8) NULL,
                \`fixMode\` varchar(12) NULL,
                \`photoIds\` text NOT NULL,
                \`recordedById\` varchar(36) NOT NULL,
                \`hazardId\` varchar(36) NULL,
                \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
                \`updatedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),
                UNIQUE INDEX \`uq_inspection_findings_client\` (\`inspectionId\`, \`clientId\`),
                PRIMARY KEY (\`id\`)
            ) ENGINE = InnoDB
        `);
        await queryRunner.query(`
            CREATE TABLE \`inspection_carried\` (
                \`id\` varchar(36) NOT NULL,
                \`inspectionId\` varchar(36) NOT NULL,
                \`hazardId\` varchar(36) NOT NULL,
                \`mark\` varchar(12) NULL,
                \`clientId\` varchar(36) NULL,
                \`note\` varchar(500) NULL,
                \`level\` varchar(8) NULL,
                \`fixMode\` varchar(12) NULL,
                \`photoIds\` text NOT NULL,
                \`markedById\` varchar(36) NULL,
                \`recurrenceId\` varchar(36) NULL,
                INDEX \`ix_inspection_carried_hazard\` (\`hazardId\`),
                UNIQUE INDEX \`uq_inspection_carried\` (\`inspectionId\`, \`hazardId\`),
                PRIMARY KEY (\`id\`)
            ) ENGINE = InnoDB
        `);
        await queryRunner.query(`
            CREATE TABLE \`hazards\` (
                \`id\` varchar(36) NOT NULL,
                \`enterpriseId\` varchar(36) NOT NULL,
                \`cooperativeId\` varchar(36) NULL,
                \`inspectionId\` varchar(36) NULL,
                \`originId\` varchar(36) NULL,
                \`workshopId\` varchar(36) NULL,
                \`itemId\` varchar(36) NULL,
                \`itemCode\` varchar(40) NULL,
                \`category\` varchar(24) NOT NULL,
                \`description\` varchar(1000) NOT NULL,
                \`level\` varchar(8) NOT NULL,
                \`fixMode\` varchar(12) NOT NULL,
                \`source\` varchar(12) NOT NULL,
                \`foundById\` varchar(36) NOT NULL,
                \`foundOn\` date NOT NULL,
                \`deadline\` date NOT NULL,
                \`planDueOn\` date NULL,
                \`status\` varchar(24) NOT NULL,
                \`recurrenceOfId\` varchar(36) NULL,
                \`photoIds\` text NOT NULL,
                \`closedAt\` datetime(6) NULL,
                \`version\` int NOT NULL DEFAULT '1',
                \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
                \`updatedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),
                UNIQUE INDEX \`uq_hazards_origin\` (\`originId\`),
                INDEX \`ix_hazards_coop\` (\`cooperativeId\`, \`status\`, \`deadline\`),
                INDEX \`ix_hazards_inspection\` (\`inspectionId\`),
                INDEX \`ix_hazards_enterprise\` (\`enterpriseId\`, \`status\`, \`deadline\`),
                PRIMARY KEY (\`id\`)
            ) ENGINE = InnoDB
        `);
        await queryRunner.query(`
            CREATE TABLE \`hazard_events\` (
                \`id\` varchar(36) NOT NULL,
                \`hazardId\` varchar(36) NOT NULL,
                \`kind\` varchar(24) NOT NULL,
                \`actorId\` varchar(36) NULL,
                \`at\` datetime(6) NOT NULL,
                \`fromStatus\` varchar(24) NULL,
                \`toStatus\` varchar(24) NOT NULL,
                \`note\` varchar(1000) NULL,
                \`data\` text NULL,
                \`photoIds\` text NOT NULL,
                INDEX \`ix_hazard_events_hazard\` (\`hazardId\`, \`at\`),
                PRIMARY KEY (\`id\`)
            ) ENGINE = InnoDB
        `);
        await queryRunner.query(`
            CREATE TABLE \`deadline_rules\` (
                \`cooperativeId\` varchar(36) NOT NULL,
                \`immediateDays\` int NOT NULL,
                \`generalDays\` int NOT NULL,
                \`majorDays\` int NOT NULL,
                \`majorPlanDays\` int NOT NULL,
                \`updatedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),
                PRIMARY KEY (\`cooperativeId\`)
            ) ENGINE = InnoDB
        `);
        await queryRunner.query(`
            CREATE TABLE \`notifications\` (
                \`id\` varchar(36) NOT NULL,
                \`userId\` varchar(36) NOT NULL,
                \`kind\` varchar(32) NOT NULL,
                \`title\` varchar(80) NOT NULL,
                \`body\` varchar(500) NOT NULL,
                \`link\` varchar(200) NULL,
                \`dedupeKey\` varchar(120) NOT NULL,
                \`pushStatus\` varchar(12) NOT NULL DEFAULT 'pending',
                \`pushAttempts\` int NOT NULL DEFAULT '0',
                \`pushedAt\` datetime(6) NULL,
                \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
                \`readAt\` datetime(6) NULL,
                UNIQUE INDEX \`uq_notifications_dedupe\` (\`dedupeKey\`),
                INDEX \`ix_notifications_push\` (\`pushStatus\`, \`createdAt\`),
                INDEX \`ix_notifications_user\` (\`userId\`, \`createdAt\`),
                PRIMARY KEY (\`id\`)
            ) ENGINE = InnoDB
        `);
        await queryRunner.query(`
            ALTER TABLE \`checklists\`
            ADD CONSTRAINT \`fk_checklists_cooperative\` FOREIGN KEY (\`cooperativeId\`) REFERENCES \`cooperatives\`(\`id\`) ON DELETE NO ACTION ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE \`checklists\`
            ADD CONSTRAINT \`fk_checklists_copied_from\` FOREIGN KEY (\`copiedFromId\`) REFERENCES \`checklists\`(\`id\`) ON DELETE NO ACTION ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE \`checklists\`
            ADD CONSTRAINT \`fk_checklists_created_by\` FOREIGN KEY (\`createdById\`) REFERENCES \`users\`(\`id\`) ON DELETE NO ACTION ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE \`checklist_items\`
            ADD CONSTRAINT \`fk_checklist_items_checklist\` FOREIGN KEY (\`checklistId\`) REFERENCES \`checklists\`(\`id\`) ON DELETE NO ACTION ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE \`inspections\`
            ADD CONSTRAINT \`fk_inspections_cooperative\` FOREIGN KEY (\`cooperativeId\`) REFERENCES \`cooperatives\`(\`id\`) ON DELETE NO ACTION ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE \`inspections\`
            ADD CONSTRAINT \`fk_inspections_host\` FOREIGN KEY (\`hostEnterpriseId\`) REFERENCES \`enterprises\`(\`id\`) ON DELETE NO ACTION ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE \`inspections\`
            ADD CONSTRAINT \`fk_inspections_workshop\` FOREIGN KEY (\`workshopId\`) REFERENCES \`workshops\`(\`id\`) ON DELETE NO ACTION ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE \`inspections\`
            ADD CONSTRAINT \`fk_inspections_checklist\` FOREIGN KEY (\`checklistId\`) REFERENCES \`checklists\`(\`id\`) ON DELETE NO ACTION ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE \`inspections\`
            ADD CONSTRAINT \`fk_inspections_created_by\` FOREIGN KEY (\`createdById\`) REFERENCES \`users\`(\`id\`) ON DELETE NO ACTION ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE \`inspections\`
            ADD CONSTRAINT \`fk_inspections_previous\` FOREIGN KEY (\`previousInspectionId\`) REFERENCES \`inspections\`(\`id\`) ON DELETE NO ACTION ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE \`inspections\`
            ADD CONSTRAINT \`fk_inspections_submitted_by\` FOREIGN KEY (\`submittedById\`) REFERENCES \`users\`(\`id\`) ON DELETE NO ACTION ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE \`inspection_inspectors\`
            ADD CONSTRAINT \`fk_inspection_inspectors_inspection\` FOREIGN KEY (\`inspectionId\`) REFERENCES \`inspections\`(\`id\`) ON DELETE NO ACTION ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE \`inspection_inspectors\`
            ADD CONSTRAINT \`fk_inspection_inspectors_user\` FOREIGN KEY (\`userId\`) REFERENCES \`users\`(\`id\`) ON DELETE NO ACTION ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE \`inspection_inspectors\`
            ADD CONSTRAINT \`fk_inspection_inspectors_enterprise\` FOREIGN KEY (\`enterpriseId\`) REFERENCES \`enterprises\`(\`id\`) ON DELETE NO ACTION ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE \`inspection_results\`
            ADD CONSTRAINT \`fk_inspection_results_inspection\` FOREIGN KEY (\`inspectionId\`) REFERENCES \`inspections\`(\`id\`) ON DELETE NO ACTION ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE \`inspection_results\`
            ADD CONSTRAINT \`fk_inspection_results_item\` FOREIGN KEY (\`itemId\`) REFERENCES \`checklist_items\`(\`id\`) ON DELETE NO ACTION ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE \`inspection_results\`
            ADD CONSTRAINT \`fk_inspection_results_user\` FOREIGN KEY (\`recordedById\`) REFERENCES \`users\`(\`id\`) ON DELETE NO ACTION ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE \`inspection_findings\`
            ADD CONSTRAINT \`fk_inspection_findings_inspection\` FOREIGN KEY (\`inspectionId\`) REFERENCES \`inspections\`(\`id\`) ON DELETE NO ACTION ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE \`inspection_findings\`
            ADD CONSTRAINT \`fk_inspection_findings_item\` FOREIGN KEY (\`itemId\`) REFERENCES \`checklist_items\`(\`id\`) ON DELETE NO ACTION ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE \`inspection_findings\`
            ADD CONSTRAINT \`fk_inspection_findings_workshop\` FOREIGN KEY (\`workshopId\`) REFERENCES \`workshops\`(\`id\`) ON DELETE NO ACTION ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE \`inspection_findings\`
            ADD CONSTRAINT \`fk_inspection_findings_user\` FOREIGN KEY (\`recordedById\`) REFERENCES \`users\`(\`id\`) ON DELETE NO ACTION ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE \`inspection_carried\`
            ADD CONSTRAINT \`fk_inspection_carried_inspection\` FOREIGN KEY (\`inspectionId\`) REFERENCES \`inspections\`(\`id\`) ON DELETE NO ACTION ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE \`inspection_carried\`
            ADD CONSTRAINT \`fk_inspection_carried_user\` FOREIGN KEY (\`markedById\`) REFERENCES \`users\`(\`id\`) ON DELETE NO ACTION ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE \`hazards\`
            ADD CONSTRAINT \`fk_hazards_enterprise\` FOREIGN KEY (\`enterpriseId\`) REFERENCES \`enterprises\`(\`id\`) ON DELETE NO ACTION ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE \`hazards\`
            ADD CONSTRAINT \`fk_hazards_cooperative\` FOREIGN KEY (\`cooperativeId\`) REFERENCES \`cooperatives\`(\`id\`) ON DELETE NO ACTION ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE \`hazards\`
            ADD CONSTRAINT \`fk_hazards_inspection\` FOREIGN KEY (\`inspectionId\`) REFERENCES \`inspections\`(\`id\`) ON DELETE NO ACTION ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE \`hazards\`
            ADD CONSTRAINT \`fk_hazards_workshop\` FOREIGN KEY (\`workshopId\`) REFERENCES \`workshops\`(\`id\`) ON DELETE NO ACTION ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE \`hazards\`
            ADD CONSTRAINT \`fk_hazards_item\` FOREIGN KEY (\`itemId\`) REFERENCES \`checklist_items\`(\`id\`) ON DELETE NO ACTION ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE \`hazards\`
            ADD CONSTRAINT \`fk_hazards_found_by\` FOREIGN KEY (\`foundById\`) REFERENCES \`users\`(\`id\`) ON DELETE NO ACTION ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE \`hazards\`
            ADD CONSTRAINT \`fk_hazards_recurrence_of\` FOREIGN KEY (\`recurrenceOfId\`) REFERENCES \`hazards\`(\`id\`) ON DELETE NO ACTION ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE \`hazard_events\`
            ADD CONSTRAINT \`fk_hazard_events_hazard\` FOREIGN KEY (\`hazardId\`) REFERENCES \`hazards\`(\`id\`) ON DELETE NO ACTION ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE \`hazard_events\`
            ADD CONSTRAINT \`fk_hazard_events_actor\` FOREIGN KEY (\`actorId\`) REFERENCES \`users\`(\`id\`) ON DELETE NO ACTION ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE \`deadline_rules\`
            ADD CONSTRAINT \`fk_deadline_rules_cooperative\` FOREIGN KEY (\`cooperativeId\`) REFERENCES \`cooperatives\`(\`id\`) ON DELETE NO ACTION ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE \`notifications\`
            ADD CONSTRAINT \`fk_notifications_user\` FOREIGN KEY (\`userId\`) REFERENCES \`users\`(\`id\`) ON DELETE NO ACTION ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE \`notifications\` DROP FOREIGN KEY \`fk_notifications_user\`
        `);
        await queryRunner.query(`
            ALTER TABLE \`deadline_rules\` DROP FOREIGN KEY \`fk_deadline_rules_cooperative\`
        `);
        await queryRunner.query(`
            ALTER TABLE \`hazard_events\` DROP FOREIGN KEY \`fk_hazard_events_actor\`
        `);
        await queryRunner.query(`
            ALTER TABLE \`hazard_events\` DROP FOREIGN KEY \`fk_hazard_events_hazard\`
        `);
        await queryRunner.query(`
            ALTER TABLE \`hazards\` DROP FOREIGN KEY \`fk_hazards_recurrence_of\`
        `);
        await queryRunner.query(`
            ALTER TABLE \`hazards\` DROP FOREIGN KEY \`fk_hazards_found_by\`
        `);
        await queryRunner.query(`
            ALTER TABLE \`hazards\` DROP FOREIGN KEY \`fk_hazards_item\`
        `);
        await queryRunner.query(`
            ALTER TABLE \`hazards\` DROP FOREIGN KEY \`fk_hazards_workshop\`
        `);
        await queryRunner.query(`
            ALTER TABLE \`hazards\` DROP FOREIGN KEY \`fk_hazards_inspection\`
        `);
        await queryRunner.query(`
            ALTER TABLE \`hazards\` DROP FOREIGN KEY \`fk_hazards_cooperative\`
        `);
        await queryRunner.query(`
            ALTER TABLE \`hazards\` DROP FOREIGN KEY \`fk_hazards_enterprise\`
        `);
        await queryRunner.query(`
            ALTER TABLE \`inspection_carried\` DROP FOREIGN KEY \`fk_inspection_carried_user\`
        `);
        await queryRunner.query(`
            ALTER TABLE \`inspection_carried\` DROP FOREIGN KEY \`fk_inspection_carried_inspection\`
        `);
        await queryRunner.query(`
            ALTER TABLE \`inspection_findings\` DROP FOREIGN KEY \`fk_inspection_findings_user\`
        `);
        await queryRunner.query(`
            ALTER TABLE \`inspection_findings\` DROP FOREIGN KEY \`fk_inspection_findings_workshop\`
        `);
        await queryRunner.query(`
            ALTER TABLE \`inspection_findings\` DROP FOREIGN KEY \`fk_inspection_findings_item\`
        `);
        await queryRunner.query(`
            ALTER TABLE \`inspection_findings\` DROP FOREIGN KEY \`fk_inspection_findings_inspection\`
        `);
        await queryRunner.query(`
            ALTER TABLE \`inspection_results\` DROP FOREIGN KEY \`fk_inspection_results_user\`
        `);
        await queryRunner.query(`
            ALTER TABLE \`inspection_results\` DROP FOREIGN KEY \`fk_inspection_results_item\`
        `);
        await queryRunner.query(`
            ALTER TABLE \`inspection_results\` DROP FOREIGN KEY \`fk_inspection_results_inspection\`
        `);
        await queryRunner.query(`
            ALTER TABLE \`inspection_inspectors\` DROP FOREIGN KEY \`fk_inspection_inspectors_enterprise\`
        `);
        await queryRunner.query(`
            ALTER TABLE \`inspection_inspectors\` DROP FOREIGN KEY \`fk_inspection_inspectors_user\`
        `);
        await queryRunner.query(`
            ALTER TABLE \`inspection_inspectors\` DROP FOREIGN KEY \`fk_inspection_inspectors_inspection\`
        `);
        await queryRunner.query(`
            ALTER TABLE \`inspections\` DROP FOREIGN KEY \`fk_inspections_submitted_by\`
        `);
        await queryRunner.query(`
            ALTER TABLE \`inspections\` DROP FOREIGN KEY \`fk_inspections_previous\`
        `);
        await queryRunner.query(`
            ALTER TABLE \`inspections\` DROP FOREIGN KEY \`fk_inspections_created_by\`
        `);
        await queryRunner.query(`
            ALTER TABLE \`inspections\` DROP FOREIGN KEY \`fk_inspections_checklist\`
        `);
        await queryRunner.query(`
            ALTER TABLE \`inspections\` DROP FOREIGN KEY \`fk_inspections_workshop\`
        `);
        await queryRunner.query(`
            ALTER TABLE \`inspections\` DROP FOREIGN KEY \`fk_inspections_host\`
        `);
        await queryRunner.query(`
            ALTER TABLE \`inspections\` DROP FOREIGN KEY \`fk_inspections_cooperative\`
        `);
        await queryRunner.query(`
            ALTER TABLE \`checklist_items\` DROP FOREIGN KEY \`fk_checklist_items_checklist\`
        `);
        await queryRunner.query(`
            ALTER TABLE \`checklists\` DROP FOREIGN KEY \`fk_checklists_created_by\`
        `);
        await queryRunner.query(`
            ALTER TABLE \`checklists\` DROP FOREIGN KEY \`fk_checklists_copied_from\`
        `);
        await queryRunner.query(`
            ALTER TABLE \`checklists\` DROP FOREIGN KEY \`fk_checklists_cooperative\`
        `);
        await queryRunner.query(`
            DROP INDEX \`ix_notifications_user\` ON \`notifications\`
        `);
        await queryRunner.query(`
            DROP INDEX \`ix_notifications_push\` ON \`notifications\`
        `);
        await queryRunner.query(`
            DROP INDEX \`uq_notifications_dedupe\` ON \`notifications\`
        `);
        await queryRunner.query(`
            DROP TABLE \`notifications\`
        `);
        await queryRunner.query(`
            DROP TABLE \`deadline_rules\`
        `);
        await queryRunner.query(`
            DROP INDEX \`ix_hazard_events_hazard\` ON \`hazard_events\`
        `);
        await queryRunner.query(`
            DROP TABLE \`hazard_events\`
        `);
        await queryRunner.query(`
            DROP INDEX \`ix_hazards_enterprise\` ON \`hazards\`
        `);
        await queryRunner.query(`
            DROP INDEX \`ix_hazards_inspection\` ON \`hazards\`
        `);
        await queryRunner.query(`
            DROP INDEX \`ix_hazards_coop\` ON \`hazards\`
        `);
        await queryRunner.query(`
            DROP INDEX \`uq_hazards_origin\` ON \`hazards\`
        `);
        await queryRunner.query(`
            DROP TABLE \`hazards\`
        `);
        await queryRunner.query(`
            DROP INDEX \`uq_inspection_carried\` ON \`inspection_carried\`
        `);
        await queryRunner.query(`
            DROP INDEX \`ix_inspection_carried_hazard\` ON \`inspection_carried\`
        `);
        await queryRunner.query(`
            DROP TABLE \`inspection_carried\`
        `);
        await queryRunner.query(`
            DROP INDEX \`uq_inspection_findings_client\` ON \`inspection_findings\`
        `);
        await queryRunner.query(`
            DROP TABLE \`inspection_findings\`
        `);
        await queryRunner.query(`
            DROP INDEX \`uq_inspection_results_item\` ON \`inspection_results\`
        `);
        await queryRunner.query(`
            DROP TABLE \`inspection_results\`
        `);
        await queryRunner.query(`
            DROP INDEX \`uq_inspection_inspectors\` ON \`inspection_inspectors\`
        `);
        await queryRunner.query(`
            DROP INDEX \`ix_inspection_inspectors_user\` ON \`inspection_inspectors\`
        `);
        await queryRunner.query(`
            DROP TABLE \`inspection_inspectors\`
        `);
        await queryRunner.query(`
            DROP INDEX \`ix_inspections_host\` ON \`inspections\`
        `);
        await queryRunner.query(`
            DROP INDEX \`ix_inspections_coop\` ON \`inspections\`
        `);
        await queryRunner.query(`
            DROP TABLE \`inspections\`
        `);
        await queryRunner.query(`
            DROP INDEX \`uq_checklist_items_code\` ON \`checklist_items\`
        `);
        await queryRunner.query(`
            DROP TABLE \`checklist_items\`
        `);
        await queryRunner.query(`
            DROP INDEX \`uq_checklists_family_version\` ON \`checklists\`
        `);
        await queryRunner.query(`
            DROP INDEX \`ix_checklists_coop\` ON \`checklists\`
        `);
        await queryRunner.query(`
            DROP TABLE \`checklists\`
        `);
    }

}
