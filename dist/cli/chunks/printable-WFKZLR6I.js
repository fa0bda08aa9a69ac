import {
  printable
} from "./chunk-BLKCQOPR.js";
export {
  printable
};
