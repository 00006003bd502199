export const fieldwork = {
}
