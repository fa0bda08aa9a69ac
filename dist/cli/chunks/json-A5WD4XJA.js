import {
  snakeKeys
} from "./chunk-2M3666GV.js";
export {
  snakeKeys
};
