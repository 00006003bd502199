export const management = {
}
