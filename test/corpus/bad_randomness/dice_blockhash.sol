// SPDX-License-Identifier: MIT
pragma solidity 0.8.24;

contract Dice {
    function roll() external payable returns (uint256) {
        uint256 r = uint256(blockhash(block.number - 1)) % 6; // @vulnerable: bad_randomness
        if (r == 5) payable(msg.sender).transfer(msg.value * 5);
        return r;
    }

    receive() external payable {}
}
