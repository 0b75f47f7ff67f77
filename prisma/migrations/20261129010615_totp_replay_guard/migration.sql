-- AlterTable
ALTER TABLE "User" ADD COLUMN     "totpLastCounter" INTEGER;

