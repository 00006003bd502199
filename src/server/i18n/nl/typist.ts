export const typist = {
}
