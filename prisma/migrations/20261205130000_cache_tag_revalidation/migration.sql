-- CreateTable
CREATE TABLE "CacheTagRevalidation" (
    "tag" TEXT NOT NULL,
    "revalidatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CacheTagRevalidation_pkey" PRIMARY KEY ("tag")
);
