// The forms whose checkboxes sit in server-rendered tables (joined to the form by the `form` attribute).
export const GENERATE_FORM_ID = "batch-generate";
export const SEND_FORM_ID = "batch-send";
