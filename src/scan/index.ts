/**
 * Reading scanned paper forms: page images in, values per keying field out. Pure, apart
 * from image decoding: nothing here touches the database or the web server.
 */
export type {
  FieldReading,
  FormReading,
  GreyImage,
  PagePlacement,
  PageRead,
  PlacedPage,
  UncertainReason,
  UnreadablePage,
} from './types.ts'
