"use server";
import { defineAction } from "@/lib/actions/pipeline";
import { createMenuItemOp, deleteMenuItemOp, restoreMenuItemOp, retireMenuItemOp, updateMenuItemOp } from "@/lib/menu/operations";

const revalidate = { revalidate: { path: "/", type: "layout" as const } };

export const createMenuItemAction = defineAction(createMenuItemOp, revalidate);
export const updateMenuItemAction = defineAction(updateMenuItemOp, revalidate);
export const retireMenuItemAction = defineAction(retireMenuItemOp, revalidate);
export const restoreMenuItemAction = defineAction(restoreMenuItemOp, revalidate);
export const deleteMenuItemAction = defineAction(deleteMenuItemOp, revalidate);
