// SPDX-License-Identifier: MIT
pragma solidity 0.8.24;

contract Roulette {
    uint256 public pastBlockTime;

    constructor() payable {}

    function spin() external payable {
        require(msg.value == 10 ether, "bet");
        require(block.timestamp != pastBlockTime, "one per block"); // @vulnerable: time_manipulation
        pastBlockTime = block.timestamp;
        if (block.timestamp % 15 == 0) { // @vulnerable: time_manipulation @vulnerable: bad_randomness
            payable(msg.sender).transfer(address(this).balance);
        }
    }
}
