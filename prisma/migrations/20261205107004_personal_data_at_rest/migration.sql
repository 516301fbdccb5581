-- Personal data at rest: phone, e-mail and ID number are stored SM4-sealed by the application (lib/privacy/at-rest.ts);
-- these are their HMAC-SM3 blind indexes for exact-match lookups. Rows written in plain text before this migration
-- are sealed by `npm run keys:rotate` (which `npm run setup` runs).
-- AlterTable
ALTER TABLE "User" ADD COLUMN     "emailIndex" TEXT,
ADD COLUMN     "phoneIndex" TEXT;

-- AlterTable
ALTER TABLE "ExpertProfile" ADD COLUMN     "emailIndex" TEXT,
ADD COLUMN     "idNumberIndex" TEXT,
ADD COLUMN     "phoneIndex" TEXT;

-- CreateIndex
CREATE INDEX "ExpertProfile_phoneIndex_idx" ON "ExpertProfile"("phoneIndex");

-- CreateIndex
CREATE INDEX "ExpertProfile_idNumberIndex_idx" ON "ExpertProfile"("idNumberIndex");

