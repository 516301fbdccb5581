"use server";
import { defineAction, REFRESH_VIEW } from "@/lib/actions/pipeline";
import { createMenuItemOp, deleteMenuItemOp, restoreMenuItemOp, retireMenuItemOp, updateMenuItemOp } from "@/lib/menu/operations";

export const createMenuItemAction = defineAction(createMenuItemOp, REFRESH_VIEW);
export const updateMenuItemAction = defineAction(updateMenuItemOp, REFRESH_VIEW);
export const retireMenuItemAction = defineAction(retireMenuItemOp, REFRESH_VIEW);
export const restoreMenuItemAction = defineAction(restoreMenuItemOp, REFRESH_VIEW);
export const deleteMenuItemAction = defineAction(deleteMenuItemOp, REFRESH_VIEW);
