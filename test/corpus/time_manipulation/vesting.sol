// SPDX-License-Identifier: MIT
pragma solidity 0.8.24;

contract Vesting {
    uint256 public start;
    address public beneficiary;

    constructor(address b) { start = block.timestamp; beneficiary = b; }

    function release() external {
        require(block.timestamp >= start + 30 seconds, "locked"); // @vulnerable: time_manipulation
        payable(beneficiary).transfer(address(this).balance);
    }

    receive() external payable {}
}
